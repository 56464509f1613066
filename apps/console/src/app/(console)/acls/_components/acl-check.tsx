'use client';

import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Card } from '@sluice/ui';
import { aclCheckInput, type AclCheckInput } from '@sluice/validators';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../_components/api-error';
import { PRIMARY_BUTTON } from '../../../_components/form-styles';
import { schemaResolver } from '../../../_components/schema-resolver';
import { AclFields, type AclFieldValues } from './acl-form-fields';
import { explainCheck } from './acl-explanation';
import { useSupportedOperation } from './use-supported-operation';

const FIELDS = ['resourceType', 'resourceName', 'principal', 'host', 'operation'];

const resolver = schemaResolver<AclFieldValues, AclCheckInput>(
  aclCheckInput,
  (values) => values,
  (path) => (FIELDS.includes(String(path[0])) ? (path[0] as keyof AclFieldValues) : null),
);

const EMPTY: AclFieldValues = {
  resourceType: 'TOPIC',
  resourceName: '',
  principal: '',
  host: '',
  operation: 'READ',
};

/**
 * "Who can do what": the cluster's own authorizer logic on its own ACLs and settings, for one principal, host,
 * operation and resource; the answer says which ACL (or rule) decides.
 */
export function AclCheck() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const form = useForm<AclFieldValues, unknown, AclCheckInput>({ defaultValues: EMPTY, resolver });
  const resourceType = useSupportedOperation(form, false);
  const [asked, setAsked] = useState<AclCheckInput | null>(null);
  const check = useQuery(trpc.acls.check.queryOptions(asked ?? skipToken, { staleTime: 0 }));
  const answer = asked && check.data ? explainCheck(asked, check.data) : null;

  return (
    <Card title="Who can do what">
      <form
        onSubmit={form.handleSubmit(async (input) => {
          setAsked(input);
          // The same question again is asked again: the ACLs may have changed since.
          await queryClient.invalidateQueries({ queryKey: trpc.acls.check.queryKey(input) });
        })}
        noValidate
        aria-label="Check an authorization"
        className="flex flex-col gap-4"
      >
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-5">
          <AclFields
            id={id}
            register={form.register}
            errors={form.formState.errors}
            resourceType={resourceType}
            allowAll={false}
            hostHint="The client's IP address, as the broker sees it."
          />
        </div>
        <div>
          <button type="submit" className={PRIMARY_BUTTON}>
            Check
          </button>
        </div>
      </form>
      <div role="status" aria-label="Authorization" className="mt-4">
        {asked && check.isFetching && !answer && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Checking…</p>
        )}
        {answer && check.data && (
          <div
            className={`rounded-lg border p-4 text-sm ${
              check.data.allowed
                ? 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100'
                : 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
            }`}
          >
            <p className="text-base font-semibold">{answer.verdict}</p>
            <p className="mt-1 break-words">{answer.reason}</p>
          </div>
        )}
      </div>
      {check.isError && <ApiError error={check.error} what="the answer" />}
    </Card>
  );
}
