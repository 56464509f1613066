import { ApiKey, ErrorCode, apis, type ApiVersionsResponse } from '@sluice/protocol';
import type { AdvertisedApi } from './registry.ts';
import { defineHandler, type RequestContext } from './handler.ts';

/** Kafka's rule for client software names and versions (KIP-511). */
const SOFTWARE_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;

export function apiVersionsResponse(errorCode: number, advertised: AdvertisedApi[]): ApiVersionsResponse {
  return {
    ...apis[ApiKey.ApiVersions].defaultResponse(),
    errorCode,
    apiKeys: advertised,
  };
}

/** The ApiVersions handler of a listener whose registry `advertisedOf` reads from the request's context. */
export function defineApiVersionsHandler<C>(advertisedOf: (context: C) => AdvertisedApi[]) {
  return defineHandler<typeof ApiKey.ApiVersions, C>({
    apiKey: ApiKey.ApiVersions,
    minVersion: 0,
    maxVersion: 4,
    errorResponse: (_request, { errorCode }) => ({
      ...apis[ApiKey.ApiVersions].defaultResponse(),
      errorCode,
    }),
    handle(request, context) {
      const { body, apiVersion } = request;
      const advertised = advertisedOf(context);
      if (
        apiVersion >= 3 &&
        (!SOFTWARE_PATTERN.test(body.clientSoftwareName) ||
          !SOFTWARE_PATTERN.test(body.clientSoftwareVersion))
      ) {
        return apiVersionsResponse(ErrorCode.INVALID_REQUEST, advertised);
      }
      return apiVersionsResponse(ErrorCode.NONE, advertised);
    },
  });
}

export const apiVersionsHandler = defineApiVersionsHandler<RequestContext>(({ services }) =>
  services.handlers.advertised(),
);
