/**
 * Finalized feature levels (Kafka's FeatureControlManager): the controller bootstraps `metadata.version` when
 * the log is empty, and a broker may register only if it supports every finalized level.
 *
 * Invariants: the level written at bootstrap is the one this code reads and writes records for (Kafka 3.9-IV0,
 * level 21); a broker that does not list a finalized feature is treated as supporting level 0 only, as Kafka does.
 */
import { ErrorCode } from '@sluice/protocol';
import type { MetadataImage } from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { ControllerError } from './controller-result.ts';

export const METADATA_VERSION_FEATURE = 'metadata.version';
/** MetadataVersion.IBP_3_9_IV0.featureLevel() */
export const METADATA_VERSION_LEVEL = 21;

/** The records that start an empty metadata log. */
export function bootstrapRecords(image: MetadataImage): MetadataRecord[] {
  if (image.features.has(METADATA_VERSION_FEATURE)) return [];
  return [
    {
      type: 'FeatureLevelRecord',
      data: { name: METADATA_VERSION_FEATURE, featureLevel: METADATA_VERSION_LEVEL },
    },
  ];
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
