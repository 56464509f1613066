/**
 * Finalized feature levels (Kafka's FeatureControlManager): the controller bootstraps `metadata.version` when
 * the log is empty, and a broker may register only if it supports every finalized level.
 *
 * Invariants: the level written at bootstrap is the one this code reads and writes records for (Kafka 3.9-IV0,
 * level 21); a broker that does not list a finalized feature is treated as supporting level 0 only, as Kafka does.
 */
import { ErrorCode } from '@sluice/protocol';
import {
  DEFAULT_BOOTSTRAP_METADATA,
  METADATA_VERSION_FEATURE,
  type BootstrapMetadata,
} from '../metadata/bootstrap-metadata.ts';
import type { MetadataImage } from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { ControllerError } from './controller-result.ts';

export { METADATA_VERSION_FEATURE, METADATA_VERSION_LEVEL } from '../metadata/bootstrap-metadata.ts';

/**
 * The records that start an empty metadata log (Kafka's ActivationRecordsGenerator for an empty log): the
 * bootstrap metadata, metadata.version first. None once the log has a metadata.version.
 */
export function bootstrapRecords(
  image: MetadataImage,
  bootstrap: BootstrapMetadata = DEFAULT_BOOTSTRAP_METADATA,
): MetadataRecord[] {
  if (image.features.has(METADATA_VERSION_FEATURE)) return [];
  return [...bootstrap.records];
}

/** Throws UNSUPPORTED_VERSION when a registering broker lacks a finalized feature level. */
export function checkBrokerFeatures(
  image: MetadataImage,
  features: readonly { name: string; minSupportedVersion: number; maxSupportedVersion: number }[],
): void {
  for (const [name, level] of image.features) {
    const supported = features.find((f) => f.name === name);
    const min = supported?.minSupportedVersion ?? 0;
    const max = supported?.maxSupportedVersion ?? 0;
    if (level < min || level > max) {
      throw new ControllerError(
        ErrorCode.UNSUPPORTED_VERSION,
        `Unable to register because the broker does not support finalized version ${level} of ${name}. The broker wants a version between ${min} and ${max}, inclusive.`,
      );
    }
  }
}
