'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Card } from '@sluice/ui';
import {
  ACL_PATTERN_TYPES,
  ACL_PERMISSION_TYPES,
  aclBindingInput,
  type AclBindingInput,
  type AclPatternType,
  type AclPermissionType,
} from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { Field } from '../../../_components/field';
import { ERROR_TEXT, INPUT, PRIMARY_BUTTON, SUCCESS_TEXT } from '../../../_components/form-styles';
import { schemaResolver } from '../../../_components/schema-resolver';
import { AclFields, type AclFieldValues } from './acl-form-fields';
import { useSupportedOperation } from './use-supported-operation';

interface CreateAclValues extends AclFieldValues {
  patternType: AclPatternType;
  permissionType: AclPermissionType;
}

const FIELDS = [
  'resourceType',
  'patternType',
  'resourceName',
  'principal',
  'host',
  'operation',
  'permissionType',
];

const resolver = schemaResolver<CreateAclValues, AclBindingInput>(
  aclBindingInput,
  (values) => values,
  (path) => (FIELDS.includes(String(path[0])) ? (path[0] as keyof CreateAclValues) : null),
);

const EMPTY: CreateAclValues = {
  resourceType: 'TOPIC',
  patternType: 'LITERAL',
  resourceName: '',
  principal: '',
  host: '*',
  operation: 'READ',
  permissionType: 'ALLOW',
};

/** One ACL; the broker adds it to the cluster metadata, and every broker enforces it from its next update. */
export function CreateAclForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const form = useForm<CreateAclValues, unknown, AclBindingInput>({ defaultValues: EMPTY, resolver });
  const resourceType = useSupportedOperation(form, true);
  const { errors } = form.formState;
  const create = useMutation(trpc.acls.create.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = form.handleSubmit(async (input) => {
    setProblem(null);
    setDone(null);
    try {
      await create.mutateAsync(input);
      setDone(
        `Added: ${input.permissionType} ${input.principal} ${input.operation} on ${input.resourceType} ${input.patternType} ${input.resourceName} from ${input.host}.`,
      );
      form.reset(EMPTY);
      await queryClient.invalidateQueries({ queryKey: trpc.acls.list.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.acls.check.queryKey() });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  });

  return (
    <Card title="Add an ACL">
      <form onSubmit={submit} noValidate aria-label="Add an ACL" className="flex flex-col gap-4">
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <AclFields
            id={id}
            register={form.register}
            errors={errors}
            resourceType={resourceType}
            allowAll
            hostHint="* for any host, or the client's IP address."
            between={
              <Field id={`${id}-patternType`} label="Pattern" error={errors.patternType?.message}>
                <select id={`${id}-patternType`} {...form.register('patternType')} className={INPUT}>
                  {ACL_PATTERN_TYPES.map((pattern) => (
                    <option key={pattern} value={pattern}>
                      {pattern === 'LITERAL'
                        ? 'LITERAL (this name, or * for all)'
                        : 'PREFIXED (names starting with it)'}
                    </option>
                  ))}
                </select>
              </Field>
            }
          />
          <Field id={`${id}-permissionType`} label="Permission" error={errors.permissionType?.message}>
            <select id={`${id}-permissionType`} {...form.register('permissionType')} className={INPUT}>
              {ACL_PERMISSION_TYPES.map((permission) => (
                <option key={permission} value={permission}>
                  {permission}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {problem && (
          <p role="alert" className={ERROR_TEXT}>
            {problem}
          </p>
        )}
        <p role="status" className={SUCCESS_TEXT}>
          {done ?? ''}
        </p>
        <div>
          <button type="submit" disabled={form.formState.isSubmitting} className={PRIMARY_BUTTON}>
            {form.formState.isSubmitting ? 'Adding…' : 'Add ACL'}
          </button>
        </div>
      </form>
    </Card>
  );
}
