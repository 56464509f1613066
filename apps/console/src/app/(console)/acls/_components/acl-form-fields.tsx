'use client';

import type { ReactNode } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { ACL_RESOURCE_TYPES, SUPPORTED_ACL_OPERATIONS, type AclResourceType } from '@sluice/validators';
import { describedBy, Field } from '../../../_components/field';
import { INPUT } from '../../../_components/form-styles';

/** The fields an ACL and a check share: what (resource type and name), who (principal, host), which operation. */
export interface AclFieldValues {
  resourceType: AclResourceType;
  resourceName: string;
  principal: string;
  host: string;
  operation: string;
}

export function AclFields<T extends AclFieldValues>({
  id,
  register,
  errors,
  resourceType,
  allowAll,
  hostHint,
  between,
}: {
  id: string;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  resourceType: AclResourceType;
  /** Whether ALL is offered (an ACL may name it; a request is for one operation). */
  allowAll: boolean;
  hostHint: string;
  /** Fields shown between the resource type and its name (the pattern, for an ACL). */
  between?: ReactNode;
}) {
  const reg = register as unknown as UseFormRegister<AclFieldValues>;
  const err = errors as FieldErrors<AclFieldValues>;
  const operations = [...(allowAll ? ['ALL'] : []), ...SUPPORTED_ACL_OPERATIONS[resourceType]];
  return (
    <>
      <Field id={`${id}-resourceType`} label="Resource type" error={err.resourceType?.message}>
        <select id={`${id}-resourceType`} {...reg('resourceType')} className={INPUT}>
          {ACL_RESOURCE_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </Field>
      {between}
      <Field
        id={`${id}-resourceName`}
        label="Resource name"
        hint={resourceType === 'CLUSTER' ? 'The cluster is kafka-cluster.' : undefined}
        error={err.resourceName?.message}
      >
        <input
          id={`${id}-resourceName`}
          {...reg('resourceName')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={err.resourceName ? true : undefined}
          aria-describedby={describedBy(`${id}-resourceName`, resourceType === 'CLUSTER', err.resourceName)}
          className={`${INPUT} font-mono`}
        />
      </Field>
      <Field
        id={`${id}-principal`}
        label="Principal"
        hint="User:<name>, or User:* for every user."
        error={err.principal?.message}
      >
        <input
          id={`${id}-principal`}
          {...reg('principal')}
          placeholder="User:alice"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={err.principal ? true : undefined}
          aria-describedby={describedBy(`${id}-principal`, true, err.principal)}
          className={`${INPUT} font-mono`}
        />
      </Field>
      <Field id={`${id}-host`} label="Host" hint={hostHint} error={err.host?.message}>
        <input
          id={`${id}-host`}
          {...reg('host')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={err.host ? true : undefined}
          aria-describedby={describedBy(`${id}-host`, true, err.host)}
          className={`${INPUT} font-mono`}
        />
      </Field>
      <Field id={`${id}-operation`} label="Operation" error={err.operation?.message}>
        <select
          id={`${id}-operation`}
          {...reg('operation')}
          aria-invalid={err.operation ? true : undefined}
          aria-describedby={describedBy(`${id}-operation`, false, err.operation)}
          className={INPUT}
        >
          {operations.map((operation) => (
            <option key={operation} value={operation}>
              {operation}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
