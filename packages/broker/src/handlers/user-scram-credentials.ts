/**
 * AlterUserScramCredentials and DescribeUserScramCredentials on a broker. Alterations are the controller's
 * (a cluster member forwards them, forwarding-handlers.ts); a standalone broker runs the same operation against
 * its own security metadata. Descriptions are answered from the broker's image: mechanisms and iteration
 * counts, never salts or keys.
 */
import { ApiKey } from '@sluice/protocol';
import { scramAlterationUsers } from '../controller/controller-apis.ts';
import {
  alterUserScramCredentials,
  describeUserScramCredentials,
} from '../controller/scram-control-manager.ts';
import { defineHandler } from './handler.ts';

export const alterUserScramCredentialsHandler = defineHandler({
  apiKey: ApiKey.AlterUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    results: scramAlterationUsers(body).map((user) => ({ user, errorCode, errorMessage })),
  }),
  handle({ body }, { services }) {
    const writer = services.security.writer;
    if (!writer) throw new Error('AlterUserScramCredentials reached a cluster member without forwarding');
    return writer.run((ctx) => alterUserScramCredentials(ctx, body));
  },
});

export const describeUserScramCredentialsHandler = defineHandler({
  apiKey: ApiKey.DescribeUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    errorCode,
    errorMessage,
    results: [],
  }),
  handle: ({ body }, { services }) => describeUserScramCredentials(services.security.image(), body),
});
