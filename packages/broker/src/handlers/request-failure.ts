/**
 * What a request gets when handling it fails unexpectedly, as Kafka's request handler answers: the request's
 * own response with the error code in it (AbstractRequest.getErrorResponse), never a dropped connection. An I/O
 * failure (a system call that failed: ENOSPC, EIO, EROFS, EDQUOT, EMFILE, ...) is KAFKA_STORAGE_ERROR, as
 * Kafka maps IOExceptions of its log layer; anything else is UNKNOWN_SERVER_ERROR.
 */
import { ErrorCode } from '@sluice/protocol';

export interface RequestFailure {
  errorCode: number;
  errorMessage: string;
}

/** True for errors raised by a failed system call (Node's errno exceptions carry `syscall`). */
export function isStorageError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

export function failureOf(error: unknown): RequestFailure {
  if (isStorageError(error)) {
    return {
      errorCode: ErrorCode.KAFKA_STORAGE_ERROR,
      errorMessage: `Disk error when trying to access log file on the disk (${error.code ?? error.message})`,
    };
  }
  return {
    errorCode: ErrorCode.UNKNOWN_SERVER_ERROR,
    errorMessage: 'The server experienced an unexpected error when processing the request.',
  };
}

/** A short key for "the same cause": the errno code, or the error's class and message. */
export function causeOf(error: unknown): string {
  if (isStorageError(error)) return `${error.code ?? 'EIO'} ${error.syscall}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
