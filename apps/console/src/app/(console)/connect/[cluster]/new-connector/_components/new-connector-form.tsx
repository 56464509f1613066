'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Card } from '@sluice/ui';
import type { RouterOutputs } from '~/trpc/outputs';
import { useTRPC } from '~/trpc/react';
import { ApiError } from '../../../../../_components/api-error';
import { describedBy, Field } from '../../../../../_components/field';
import {
  BUTTON,
  ERROR_TEXT,
  HINT_TEXT,
  INPUT,
  PRIMARY_BUTTON,
  SUCCESS_TEXT,
} from '../../../../../_components/form-styles';
import { RoleRequired, useRoleAccess, youAre } from '../../../../../_components/role-access';
import { connectorHref } from '../../../_components/connect-links';
import {
  COMMON_FIELDS,
  connectorConfigFrom,
  inputKind,
  parseExtraConfigs,
  validationErrors,
} from './new-connector-values';

type ConfigKey = RouterOutputs['connect']['pluginConfig'][number]['configs'][number];

/**
 * Plugin, then its form: the fields come from the plugin's config definition (KIP-769), grouped by `group` in
 * their order in it (`order` in the JSON). "Validate" asks Kafka Connect
 * (`PUT /connector-plugins/{plugin}/config/validate`) and puts each config's errors under its field; "Create connector" is offered only for values that validated with no
 * errors. The values live in plain state rather than react-hook-form: config names hold dots, which
 * react-hook-form reads as paths into nested objects.
 */
export function NewConnectorForm({ cluster }: { cluster: string }) {
  const trpc = useTRPC();
  const id = useId();
  const access = useRoleAccess('operator');
  const plugins = useQuery(trpc.connect.plugins.queryOptions({ cluster, connectorsOnly: true }));
  const [plugin, setPlugin] = useState('');

  if (access.status === 'denied')
    return (
      <RoleRequired title="Operators create connectors">
        Creating a connector needs the operator or admin role; {youAre(access.role)}.
      </RoleRequired>
    );
  if (plugins.isPending)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the plugins…
      </p>
    );
  if (plugins.isError) return <ApiError error={plugins.error} what="the connector plugins" />;

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Card title="Plugin">
        <Field
          id={`${id}-plugin`}
          label="Connector plugin"
          hint="The connector classes installed on the workers (GET /connector-plugins)."
          error={undefined}
        >
          <select
            id={`${id}-plugin`}
            value={plugin}
            onChange={(event) => setPlugin(event.target.value)}
            aria-describedby={`${id}-plugin-hint`}
            className={INPUT}
          >
            <option value="">Choose a plugin…</option>
            {plugins.data.map((p) => (
              <option key={p.class} value={p.class}>
                {p.class} ({p.type}
                {p.version ? `, ${p.version}` : ''})
              </option>
            ))}
          </select>
        </Field>
      </Card>
      {plugin !== '' && <PluginForm key={plugin} cluster={cluster} plugin={plugin} />}
    </div>
  );
}

function PluginForm({ cluster, plugin }: { cluster: string; plugin: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const definition = useQuery(trpc.connect.pluginConfig.queryOptions({ cluster, plugin }));
  const validate = useMutation(trpc.connect.validate.mutationOptions());
  const create = useMutation(trpc.connect.create.mutationOptions());
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [extraText, setExtraText] = useState('');
  const [validated, setValidated] = useState<{
    config: string;
    errorCount: number;
    errors: Map<string, string[]>;
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const groups = useMemo(() => {
    const own = definition.data ?? [];
    const ownNames = new Set(own.flatMap((g) => g.configs.map((c) => c.name)));
    const common = COMMON_FIELDS.filter((f) => !ownNames.has(f.name)).map((f) => ({
      ...f,
      dependents: [...f.dependents],
    }));
    return [...(common.length > 0 ? [{ group: 'Common', configs: common as ConfigKey[] }] : []), ...own];
  }, [definition.data]);

  const extra = parseExtraConfigs(extraText);
  const config = connectorConfigFrom(plugin, name, values, extra.configs);
  const configKey = JSON.stringify(config);
  const current = validated?.config === configKey ? validated : null;
  const fieldNames = new Set(groups.flatMap((g) => g.configs.map((c) => c.name)));
  const otherErrors = current
    ? [...current.errors].filter(([config]) => !fieldNames.has(config) && config !== 'name')
    : [];
  const nameError =
    name.trim() === '' && validated !== null
      ? 'a connector needs a name'
      : current?.errors.get('name')?.join(' ');

  async function runValidation() {
    setProblem(null);
    if (extra.errors.length > 0) {
      setProblem(`Extra configs: ${extra.errors.join('; ')}`);
      return;
    }
    try {
      const result = await validate.mutateAsync({ cluster, plugin, config });
      setValidated({ config: configKey, errorCount: result.error_count, errors: validationErrors(result) });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current || current.errorCount > 0 || name.trim() === '') return;
    setProblem(null);
    try {
      const created = await create.mutateAsync({ cluster, name: name.trim(), config });
      router.push(connectorHref(cluster, created.name));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  if (definition.isPending)
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading the config definition of {plugin}…
      </p>
    );
  if (definition.isError)
    return <ApiError error={definition.error} what={`the config definition of ${plugin}`} />;

  const canCreate = current !== null && current.errorCount === 0 && name.trim() !== '';
  return (
    <form onSubmit={submit} aria-label="New connector" noValidate className="flex flex-col gap-6">
      <Card title="Connector">
        <Field id={`${id}-name`} label="Name" hint="Unique in this Connect cluster." error={nameError}>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
            aria-invalid={nameError ? true : undefined}
            aria-describedby={describedBy(`${id}-name`, true, nameError)}
            className={`${INPUT} font-mono`}
          />
        </Field>
      </Card>
      {groups.map((group) => (
        <Card key={group.group} title={group.group}>
          <fieldset className="flex flex-col gap-4">
            <legend className="sr-only">{group.group} configs</legend>
            {group.configs.map((key) => (
              <ConfigField
                key={key.name}
                id={`${id}-${key.name}`}
                definition={key}
                value={values[key.name] ?? ''}
                errors={current?.errors.get(key.name)}
                onChange={(value) => setValues((before) => ({ ...before, [key.name]: value }))}
              />
            ))}
          </fieldset>
        </Card>
      ))}
      <Card title="Other configs">
        <Field
          id={`${id}-extra`}
          label="More configs, name=value per line"
          hint="Converters, transforms, error handling and whatever else the fields above do not cover."
          error={extra.errors.length > 0 ? extra.errors.join('; ') : undefined}
        >
          <textarea
            id={`${id}-extra`}
            value={extraText}
            onChange={(event) => setExtraText(event.target.value)}
            rows={4}
            spellCheck={false}
            aria-invalid={extra.errors.length > 0 ? true : undefined}
            aria-describedby={describedBy(`${id}-extra`, true, extra.errors.length > 0)}
            className={`${INPUT} font-mono text-xs`}
          />
        </Field>
      </Card>
      <div className="flex flex-col gap-3">
        {otherErrors.length > 0 && (
          <ul className={ERROR_TEXT} aria-label="Errors in other configs">
            {otherErrors.map(([config, errors]) => (
              <li key={config}>
                <span className="font-mono">{config}</span>: {errors.join(' ')}
              </li>
            ))}
          </ul>
        )}
        <p role="status" className={current?.errorCount === 0 ? SUCCESS_TEXT : ERROR_TEXT}>
          {current === null
            ? ''
            : current.errorCount === 0
              ? 'Kafka Connect found no errors.'
              : `Kafka Connect found ${current.errorCount} error${current.errorCount === 1 ? '' : 's'}.`}
        </p>
        {problem && (
          <p role="alert" className={ERROR_TEXT}>
            {problem}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={BUTTON}
            disabled={validate.isPending}
            onClick={() => void runValidation()}
          >
            {validate.isPending ? 'Validating…' : 'Validate'}
          </button>
          <button type="submit" className={PRIMARY_BUTTON} disabled={!canCreate || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create connector'}
          </button>
          {!canCreate && (
            <span className={HINT_TEXT}>
              Validate the current values without errors to create the connector.
            </span>
          )}
        </div>
      </div>
    </form>
  );
}

function ConfigField({
  id,
  definition,
  value,
  errors,
  onChange,
}: {
  id: string;
  definition: ConfigKey;
  value: string;
  errors: string[] | undefined;
  onChange: (value: string) => void;
}) {
  const error = errors?.join(' ');
  const kind = inputKind(definition.type);
  const facts = [
    definition.type,
    definition.required ? 'required' : null,
    definition.default_value !== null && definition.default_value !== ''
      ? `default ${definition.default_value}`
      : null,
    definition.importance ? `${definition.importance.toLowerCase()} importance` : null,
  ].filter(Boolean);
  const displayName = definition.display_name ?? definition.name;
  const label =
    displayName === definition.name ? (
      <span className="font-mono">{definition.name}</span>
    ) : (
      <>
        {displayName}{' '}
        <span className="font-mono text-xs font-normal text-zinc-600 dark:text-zinc-400">
          {definition.name}
        </span>
      </>
    );
  const hint = (
    <>
      {definition.documentation} <span className="italic">({facts.join(', ')})</span>
    </>
  );
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, true, error),
    'data-config': definition.name,
  } as const;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {kind === 'boolean' ? (
        <select
          {...common}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={INPUT}
        >
          <option value="">Default{definition.default_value ? ` (${definition.default_value})` : ''}</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input
          {...common}
          type={kind === 'password' ? 'password' : 'text'}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          value={value}
          placeholder={definition.default_value ?? undefined}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className={`${INPUT} font-mono`}
        />
      )}
    </Field>
  );
}
