export * from './io/protocol-error.ts';
export * from './io/reader.ts';
export * from './io/writer.ts';
export * from './generated/index.ts';
export * from './frame.ts';
export * from './frame-reader.ts';
export * from './records/index.ts';
export * from './compression/index.ts';
