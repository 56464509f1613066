/** The quorum's APIs on the controller listener (ApiVersions is added by the listener itself). */
import type { ApiKeyNumber } from '@sluice/protocol';
import type { Handler } from '../../handlers/handler.ts';
import type { ControllerRequestContext } from '../controller-listener.ts';
import { beginQuorumEpochHandler } from './begin-quorum-epoch.ts';
import { describeQuorumHandler } from './describe-quorum.ts';
import { endQuorumEpochHandler } from './end-quorum-epoch.ts';
import { fetchSnapshotHandler } from './fetch-snapshot.ts';
import { quorumFetchHandler } from './quorum-fetch.ts';
import { voteHandler } from './vote.ts';

export const quorumHandlers = [
  voteHandler,
  beginQuorumEpochHandler,
  endQuorumEpochHandler,
  quorumFetchHandler,
  fetchSnapshotHandler,
  describeQuorumHandler,
] as unknown as readonly Handler<ApiKeyNumber, ControllerRequestContext>[];
