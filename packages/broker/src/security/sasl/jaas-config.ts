/**
 * Kafka's `sasl.jaas.config` values (JaasConfig): one or more login modules, each
 * `<class> <flag> [key=value ...];`, where a value is a bare word or a double-quoted string with backslash
 * escapes. The broker reads them per listener and mechanism
 * (`listener.name.sasl_ssl.plain.sasl.jaas.config=...`): PLAIN's `user_<name>="<password>"` options are its users.
 */
import { ConfigError } from '../../config/config-def.ts';

export interface JaasModule {
  loginModule: string;
  flag: 'required' | 'requisite' | 'sufficient' | 'optional';
  options: ReadonlyMap<string, string>;
}

const FLAGS = new Set(['required', 'requisite', 'sufficient', 'optional']);

/** Parses a JAAS config value; throws ConfigError naming `configName` (never echoing the value: it holds secrets). */
export function parseJaasConfig(text: string, configName: string): JaasModule[] {
  const modules: JaasModule[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new ConfigError(`Invalid ${configName}: ${what} (at character ${i})`);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const word = (): string => {
    const start = i;
    while (i < text.length && /[^\s=;"]/.test(text[i]!)) i++;
    return text.slice(start, i);
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) break;
    const loginModule = word();
    if (!loginModule) fail('expected a login module class');
    skipSpace();
    const flag = word().toLowerCase();
    if (!FLAGS.has(flag)) fail(`expected a control flag (required, requisite, sufficient, optional)`);
    const options = new Map<string, string>();
    for (;;) {
      skipSpace();
      if (text[i] === ';') {
        i++;
        break;
      }
      if (i >= text.length) fail('a login module must end with ";"');
      const key = word();
      if (!key || text[i] !== '=') fail('expected key=value');
      i++;
      let value = '';
      if (text[i] === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          value += text[i++];
        }
        if (text[i] !== '"') fail('unterminated quoted value');
        i++;
      } else {
        value = word();
      }
      options.set(key, value);
    }
    modules.push({ loginModule, flag: flag as JaasModule['flag'], options });
  }
  if (modules.length === 0) throw new ConfigError(`Invalid ${configName}: no login module`);
  return modules;
}

/** PLAIN's users: the `user_<name>` options of its login module. */
export function plainUsers(modules: readonly JaasModule[]): Map<string, string> {
  const users = new Map<string, string>();
  for (const module of modules)
    for (const [key, value] of module.options) if (key.startsWith('user_')) users.set(key.slice(5), value);
  return users;
}
