/**
 * The ClusterSource implementations, for the server that picks one (`@sluice/api/cluster-sources`). Kept out of
 * the main entry so that what imports the router's types (the console) does not compile the engine and client.
 */
export { EmbeddedClusterSource } from './embedded-cluster-source.ts';
export { RemoteClusterSource } from './remote-cluster-source.ts';
export {
  KafkaAuthenticationError,
  connectionSecurityFromFile,
  type ConnectionSecurity,
} from '@sluice/client';
