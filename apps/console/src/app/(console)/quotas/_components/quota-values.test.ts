import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCreateQuota, checkEditQuota, EMPTY_CREATE_QUOTA_FORM, quotaTexts } from './quota-values.ts';

describe('quota form values', () => {
  it('turns a filled create form into the API input', () => {
    assert.deepEqual(
      checkCreateQuota({
        ...EMPTY_CREATE_QUOTA_FORM,
        kind: 'user+client-id',
        user: 'alice',
        clientDefault: true,
        producer_byte_rate: ' 1048576 ',
        request_percentage: '12.5',
      }),
      {
        ok: true,
        input: {
          entity: { user: 'alice', 'client-id': null },
          quotas: { producer_byte_rate: 1048576, request_percentage: 12.5 },
        },
      },
    );
    assert.deepEqual(
      checkCreateQuota({ ...EMPTY_CREATE_QUOTA_FORM, userDefault: true, consumer_byte_rate: '1' }),
      {
        ok: true,
        input: { entity: { user: null }, quotas: { consumer_byte_rate: 1 } },
      },
    );
  });

  it('puts each problem on its field', () => {
    const checked = checkCreateQuota({
      ...EMPTY_CREATE_QUOTA_FORM,
      kind: 'client-id',
      clientId: '',
      producer_byte_rate: '10 MB',
      consumer_byte_rate: '1.5',
      controller_mutation_rate: '-2',
    });
    assert.equal(checked.ok, false);
    assert.deepEqual(!checked.ok && checked.errors, {
      clientId: 'a name cannot be empty (choose the default instead)',
      producer_byte_rate: 'a quota is a number',
      consumer_byte_rate: 'consumer_byte_rate is a whole number of bytes a second',
      controller_mutation_rate: 'a quota must be greater than 0',
    });
    const none = checkCreateQuota({ ...EMPTY_CREATE_QUOTA_FORM, user: 'bob' });
    assert.deepEqual(!none.ok && none.errors, { root: 'set at least one quota' });
  });

  it('edits: emptied fields remove, changed ones set, untouched ones are left alone', () => {
    const current = { producer_byte_rate: 2048, consumer_byte_rate: 4096 };
    const texts = quotaTexts(current);
    assert.deepEqual(texts, {
      producer_byte_rate: '2048',
      consumer_byte_rate: '4096',
      request_percentage: '',
      controller_mutation_rate: '',
    });
    assert.deepEqual(
      checkEditQuota({ user: 'alice' }, current, {
        ...texts,
        producer_byte_rate: '',
        request_percentage: '50',
      }),
      {
        ok: true,
        input: { entity: { user: 'alice' }, changes: { producer_byte_rate: null, request_percentage: 50 } },
      },
    );
    const unchanged = checkEditQuota({ user: 'alice' }, current, texts);
    assert.deepEqual(!unchanged.ok && unchanged.errors, { root: 'change at least one quota' });
  });
});
