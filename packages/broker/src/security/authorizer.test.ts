/** StandardAuthorizer decisions and ACL binding filters, by Kafka 3.9's rules (StandardAuthorizerData, AclBindingFilter). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StandardAcl } from '../metadata/metadata-image.ts';
import { AclOperation, ResourceType } from './acl-operations.ts';
import {
  AclPermissionType,
  PatternType,
  ResourceTypeFilter,
  bindingProblem,
  filterMatches,
  filterProblem,
  type AclBindingFilter,
} from './acl-binding.ts';
import { AclIndex, explainAuthorization, parseSuperUsers, type AuthorizerOptions } from './authorizer.ts';

let nextId = 0;
function acl(partial: Partial<StandardAcl>): StandardAcl {
  return {
    id: `acl-${nextId++}`,
    resourceType: ResourceType.TOPIC,
    resourceName: 'orders',
    patternType: PatternType.LITERAL,
    principal: 'User:alice',
    host: '*',
    operation: AclOperation.READ,
    permissionType: AclPermissionType.ALLOW,
    ...partial,
  };
}

const strict: AuthorizerOptions = { superUsers: new Set(['User:admin']), allowEveryoneIfNoAclFound: false };
const ask = (operation: number, resourceName = 'orders', principal = 'User:alice', host = '10.0.0.5') => ({
  principal,
  host,
  operation,
  resourceType: ResourceType.TOPIC,
  resourceName,
});

describe('StandardAuthorizer decisions', () => {
  it('lets super users do anything, and decides by allow.everyone.if.no.acl.found where no ACL applies', () => {
    assert.deepEqual(explainAuthorization([], ask(AclOperation.WRITE, 'x', 'User:admin'), strict), {
      allowed: true,
      rule: { kind: 'super-user' },
    });
    assert.deepEqual(explainAuthorization([], ask(AclOperation.READ), strict), {
      allowed: false,
      rule: { kind: 'no-acl-found' },
    });
    const open = { ...strict, allowEveryoneIfNoAclFound: true };
    assert.equal(explainAuthorization([], ask(AclOperation.READ), open).allowed, true);
    // Any ACL on the resource, even for someone else, turns the open default off for it.
    const bobOnly = [acl({ principal: 'User:bob' })];
    assert.deepEqual(explainAuthorization(bobOnly, ask(AclOperation.READ), open), {
      allowed: false,
      rule: { kind: 'no-matching-acl' },
    });
  });

  it('matches LITERAL, the "*" wildcard and PREFIXED patterns, and names the deciding ACL', () => {
    const literal = acl({});
    const wildcard = acl({ resourceName: '*', operation: AclOperation.WRITE });
    const prefixed = acl({
      resourceName: 'ord',
      patternType: PatternType.PREFIXED,
      operation: AclOperation.DELETE,
    });
    const acls = [literal, wildcard, prefixed];
    assert.deepEqual(explainAuthorization(acls, ask(AclOperation.READ), strict), {
      allowed: true,
      rule: { kind: 'acl', acl: literal },
    });
    assert.equal(explainAuthorization(acls, ask(AclOperation.WRITE, 'anything'), strict).allowed, true);
    assert.equal(explainAuthorization(acls, ask(AclOperation.DELETE, 'ordinal'), strict).allowed, true);
    assert.equal(explainAuthorization(acls, ask(AclOperation.DELETE, 'payments'), strict).allowed, false);
    // A LITERAL ACL is not a prefix: "orders" does not cover "orders-eu".
    assert.equal(explainAuthorization([literal], ask(AclOperation.READ, 'orders-eu'), strict).allowed, false);
  });

  it('implies Describe from Read, Write, Delete and Alter, and DescribeConfigs from AlterConfigs, for ALLOW only', () => {
    for (const operation of [
      AclOperation.READ,
      AclOperation.WRITE,
      AclOperation.DELETE,
      AclOperation.ALTER,
    ]) {
      assert.equal(
        explainAuthorization([acl({ operation })], ask(AclOperation.DESCRIBE), strict).allowed,
        true,
      );
    }
    assert.equal(
      explainAuthorization([acl({ operation: AclOperation.CREATE })], ask(AclOperation.DESCRIBE), strict)
        .allowed,
      false,
    );
    assert.equal(
      explainAuthorization(
        [acl({ operation: AclOperation.ALTER_CONFIGS })],
        ask(AclOperation.DESCRIBE_CONFIGS),
        strict,
      ).allowed,
      true,
    );
    // A DENY for Read does not deny Describe; a DENY for All denies everything.
    const denyRead = acl({ permissionType: AclPermissionType.DENY });
    const allowDescribe = acl({ operation: AclOperation.DESCRIBE });
    assert.equal(
      explainAuthorization([denyRead, allowDescribe], ask(AclOperation.DESCRIBE), strict).allowed,
      true,
    );
    const denyAll = acl({ operation: AclOperation.ALL, permissionType: AclPermissionType.DENY });
    assert.deepEqual(explainAuthorization([allowDescribe, denyAll], ask(AclOperation.DESCRIBE), strict), {
      allowed: false,
      rule: { kind: 'acl', acl: denyAll },
    });
  });

  it('lets DENY win over ALLOW, whatever pattern carries it, and matches hosts and User:*', () => {
    const allowEveryone = acl({ principal: 'User:*' });
    const denyPrefix = acl({
      resourceName: 'ord',
      patternType: PatternType.PREFIXED,
      permissionType: AclPermissionType.DENY,
      host: '10.0.0.5',
    });
    assert.equal(
      explainAuthorization([allowEveryone], ask(AclOperation.READ, 'orders', 'User:carol'), strict).allowed,
      true,
    );
    assert.deepEqual(explainAuthorization([allowEveryone, denyPrefix], ask(AclOperation.READ), strict), {
      allowed: false,
      rule: { kind: 'acl', acl: denyPrefix },
    });
    // The deny names one host: from another, the allow decides.
    assert.equal(
      explainAuthorization(
        [allowEveryone, denyPrefix],
        ask(AclOperation.READ, 'orders', 'User:alice', '10.0.0.6'),
        strict,
      ).allowed,
      true,
    );
  });

  it('answers Write on some topic (KIP-679) unless a wider DENY covers every ALLOW', () => {
    const request = {
      principal: 'User:alice',
      host: '1.2.3.4',
      operation: AclOperation.WRITE,
      resourceType: ResourceType.TOPIC,
    };
    assert.equal(
      new AclIndex([acl({ operation: AclOperation.WRITE })]).allowsAnyOfType(request, strict),
      true,
    );
    assert.equal(
      new AclIndex([acl({ operation: AclOperation.READ })]).allowsAnyOfType(request, strict),
      false,
    );
    const covered = new AclIndex([
      acl({ operation: AclOperation.WRITE, resourceName: 'orders-eu' }),
      acl({
        operation: AclOperation.WRITE,
        resourceName: 'orders',
        patternType: PatternType.PREFIXED,
        permissionType: AclPermissionType.DENY,
      }),
    ]);
    assert.equal(covered.allowsAnyOfType(request, strict), false);
  });

  it('parses super.users as Kafka splits it', () => {
    assert.deepEqual([...parseSuperUsers(' User:admin ;User:ops;; ')], ['User:admin', 'User:ops']);
    assert.deepEqual([...parseSuperUsers(null)], []);
  });
});

describe('ACL binding filters and validation', () => {
  const any: AclBindingFilter = {
    resourceType: ResourceTypeFilter.ANY,
    resourceName: null,
    patternType: PatternType.ANY,
    principal: null,
    host: null,
    operation: AclOperation.ANY,
    permissionType: AclPermissionType.ANY,
  };

  it('matches by pattern type: ANY and LITERAL by name, MATCH by what would apply to the name', () => {
    const literal = acl({});
    const wildcard = acl({ resourceName: '*' });
    const prefixed = acl({ resourceName: 'ord', patternType: PatternType.PREFIXED });
    const all = [literal, wildcard, prefixed];
    const names = (filter: AclBindingFilter) =>
      all.filter((a) => filterMatches(filter, a)).map((a) => a.resourceName);
    assert.deepEqual(names(any), ['orders', '*', 'ord']);
    assert.deepEqual(names({ ...any, resourceName: 'orders' }), ['orders']);
    assert.deepEqual(names({ ...any, resourceName: 'orders', patternType: PatternType.MATCH }), [
      'orders',
      '*',
      'ord',
    ]);
    assert.deepEqual(names({ ...any, patternType: PatternType.PREFIXED }), ['ord']);
    assert.deepEqual(names({ ...any, principal: 'User:bob' }), []);
    assert.deepEqual(names({ ...any, resourceType: ResourceType.GROUP }), []);
  });

  it("refuses unknown filter fields and invalid bindings with Kafka's messages", () => {
    assert.equal(filterProblem(any), null);
    assert.match(filterProblem({ ...any, resourceType: 0 }) ?? '', /UNKNOWN/);
    assert.match(filterProblem({ ...any, operation: 99 }) ?? '', /UNKNOWN/);
    const good = acl({});
    assert.equal(bindingProblem(good), null);
    assert.equal(
      bindingProblem({ ...good, resourceName: '' })?.errorMessage,
      'Invalid empty resource name specified',
    );
    assert.equal(
      bindingProblem({ ...good, resourceType: ResourceType.CLUSTER, resourceName: 'mine' })?.errorMessage,
      'The only valid name for the CLUSTER resource is kafka-cluster',
    );
    assert.match(
      bindingProblem({ ...good, principal: 'alice' })?.errorMessage ?? '',
      /Could not parse principal/,
    );
    assert.equal(
      bindingProblem({ ...good, operation: AclOperation.ANY })?.errorMessage,
      'Invalid operation ANY',
    );
    assert.equal(
      bindingProblem({ ...good, patternType: PatternType.MATCH })?.errorMessage,
      'Invalid patternType MATCH',
    );
    assert.equal(
      bindingProblem({ ...good, permissionType: AclPermissionType.ANY })?.errorMessage,
      'Invalid permissionType ANY',
    );
  });
});
