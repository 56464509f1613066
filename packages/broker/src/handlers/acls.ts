/**
 * CreateAcls, DescribeAcls and DeleteAcls on a broker. Changes are the controller's (a cluster member forwards
 * them, forwarding-handlers.ts); a standalone broker runs the same operations against its own security metadata.
 * Descriptions are answered from the broker's image. Without an authorizer every ACL API answers
 * SECURITY_DISABLED (handlers/authorization.ts), as Kafka does.
 */
import { ApiKey } from '@sluice/protocol';
import { createAcls, deleteAcls, describeAcls } from '../controller/acl-control-manager.ts';
import { defineHandler } from './handler.ts';

export const createAclsHandler = defineHandler({
  apiKey: ApiKey.CreateAcls,
  minVersion: 0,
  maxVersion: 3,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    results: body.creations.map(() => ({ errorCode, errorMessage })),
  }),
  async handle({ body }, { services }) {
    const writer = services.security.writer;
    if (!writer) throw new Error('CreateAcls reached a cluster member without forwarding');
    return { throttleTimeMs: 0, results: await writer.run((ctx) => createAcls(ctx, body)) };
  },
});

export const deleteAclsHandler = defineHandler({
  apiKey: ApiKey.DeleteAcls,
  minVersion: 0,
  maxVersion: 3,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    filterResults: body.filters.map(() => ({ errorCode, errorMessage, matchingAcls: [] })),
  }),
  async handle({ body }, { services }) {
    const writer = services.security.writer;
    if (!writer) throw new Error('DeleteAcls reached a cluster member without forwarding');
    return { throttleTimeMs: 0, filterResults: await writer.run((ctx) => deleteAcls(ctx, body)) };
  },
});

export const describeAclsHandler = defineHandler({
  apiKey: ApiKey.DescribeAcls,
  minVersion: 0,
  maxVersion: 3,
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    errorCode,
    errorMessage,
    resources: [],
  }),
  handle: ({ body }, { services }) => ({
    throttleTimeMs: 0,
    ...describeAcls(services.security.image(), body),
  }),
});
