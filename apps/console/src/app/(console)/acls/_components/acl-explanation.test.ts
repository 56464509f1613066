import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainCheck } from './acl-explanation.ts';

const request = {
  principal: 'User:bob',
  host: '10.0.0.7',
  resourceType: 'TOPIC' as const,
  resourceName: 'orders-eu',
  operation: 'WRITE' as const,
};
const deny = {
  resourceType: 'TOPIC',
  resourceName: 'orders-eu',
  patternType: 'LITERAL',
  principal: 'User:bob',
  host: '*',
  operation: 'WRITE',
  permissionType: 'DENY',
};

describe('the who-can-do-what answer', () => {
  it('names the deciding ACL, and that a DENY wins', () => {
    assert.deepEqual(
      explainCheck(request, {
        authorizer: true,
        allowed: false,
        rule: { kind: 'acl', acl: deny },
        allowEveryoneIfNoAclFound: false,
      }),
      {
        verdict: 'Denied',
        reason:
          'Decided by the ACL DENY User:bob WRITE on TOPIC LITERAL orders-eu from *: a matching DENY wins over any ALLOW.',
      },
    );
  });

  it('says why when no ACL decides', () => {
    const base = { authorizer: true as const, allowEveryoneIfNoAclFound: true };
    assert.equal(
      explainCheck(request, { ...base, allowed: false, rule: { kind: 'no-matching-acl' } }).reason,
      'ACLs apply to TOPIC orders-eu, but none allows User:bob WRITE from 10.0.0.7: denied by default.',
    );
    assert.equal(
      explainCheck(request, { ...base, allowed: true, rule: { kind: 'no-acl-found' } }).reason,
      'No ACL applies to TOPIC orders-eu, and allow.everyone.if.no.acl.found is true: everyone is allowed.',
    );
    assert.match(
      explainCheck(request, { ...base, allowed: true, rule: { kind: 'super-user' } }).reason,
      /^User:bob is a super user \(super.users\)/,
    );
    assert.match(
      explainCheck(request, {
        authorizer: false,
        allowed: true,
        rule: { kind: 'no-authorizer' },
        allowEveryoneIfNoAclFound: null,
      }).reason,
      /no authorizer/,
    );
  });
});
