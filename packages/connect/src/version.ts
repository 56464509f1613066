/** The version Sluice's Connect runtime and its built-in plugins report (GET /, GET /connector-plugins). */
export const CONNECT_VERSION = '0.1.0';
