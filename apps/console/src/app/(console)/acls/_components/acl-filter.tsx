'use client';

import { useId, useState, type FormEvent } from 'react';
import { ACL_RESOURCE_TYPES, aclListInput, type AclListInput } from '@sluice/validators';
import { describedBy, Field } from '../../../_components/field';
import { BUTTON, INPUT } from '../../../_components/form-styles';

type FilterErrors = Partial<Record<'principal' | 'resourceName', string>>;

/**
 * Narrows the list on the server (DescribeAcls): by principal, exactly, and by the resource ACLs apply to,
 * Kafka's MATCH, so a topic's filter shows its LITERAL ACLs, the "*" ones and the PREFIXED ones that start it.
 */
export function AclFilter({ onApply }: { onApply: (filter: AclListInput) => void }) {
  const id = useId();
  const [principal, setPrincipal] = useState('');
  const [resourceType, setResourceType] = useState('');
  const [resourceName, setResourceName] = useState('');
  const [errors, setErrors] = useState<FilterErrors>({});

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = aclListInput.safeParse({
      principal: principal.trim() === '' ? undefined : principal.trim(),
      resourceType: resourceType === '' ? undefined : resourceType,
      resourceName: resourceName === '' ? undefined : resourceName,
    });
    if (!parsed.success) {
      const found: FilterErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'principal' ? 'principal' : 'resourceName';
        found[field] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    onApply(parsed.data);
  }

  function clear() {
    setPrincipal('');
    setResourceType('');
    setResourceName('');
    setErrors({});
    onApply({});
  }

  return (
    <form onSubmit={apply} noValidate aria-label="Filter ACLs" className="flex flex-wrap items-start gap-3">
      <div className="w-64">
        <Field id={`${id}-principal`} label="Principal" error={errors.principal}>
          <input
            id={`${id}-principal`}
            value={principal}
            onChange={(event) => setPrincipal(event.target.value)}
            placeholder="User:alice"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.principal ? true : undefined}
            aria-describedby={describedBy(`${id}-principal`, false, errors.principal)}
            className={`${INPUT} font-mono`}
          />
        </Field>
      </div>
      <div className="w-44">
        <Field id={`${id}-type`} label="Resource type" error={undefined}>
          <select
            id={`${id}-type`}
            value={resourceType}
            onChange={(event) => setResourceType(event.target.value)}
            className={INPUT}
          >
            <option value="">Any</option>
            {ACL_RESOURCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="w-64">
        <Field id={`${id}-name`} label="Applies to resource" error={errors.resourceName}>
          <input
            id={`${id}-name`}
            value={resourceName}
            onChange={(event) => setResourceName(event.target.value)}
            placeholder="orders"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.resourceName ? true : undefined}
            aria-describedby={describedBy(`${id}-name`, false, errors.resourceName)}
            className={`${INPUT} font-mono`}
          />
        </Field>
      </div>
      <div className="flex gap-2 self-end">
        <button type="submit" className={BUTTON}>
          Apply filter
        </button>
        <button type="button" onClick={clear} className={BUTTON}>
          Clear
        </button>
      </div>
    </form>
  );
}
