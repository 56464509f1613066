export { Broker, type BrokerOptions } from './broker.ts';
export type { BrokerServices, NodeEndpoint } from './broker-services.ts';
export { ManualClock, systemClock, type Clock } from './clock.ts';
export { ConfigError } from './config/config-def.ts';
export { createLogger, type Logger } from './logger.ts';
