import { QueryClient } from '@tanstack/react-query';
import { isPermanentApiError } from '~/lib/api-errors';

/** TanStack Query's default: three retries, with backoff, for failures that may pass. */
const MAX_RETRIES = 3;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) => !isPermanentApiError(error) && failures < MAX_RETRIES,
      },
    },
  });
}
