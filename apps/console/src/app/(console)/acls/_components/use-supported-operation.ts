'use client';

import { useEffect } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { SUPPORTED_ACL_OPERATIONS, type AclResourceType } from '@sluice/validators';

/**
 * Keeps the chosen operation one the resource type supports: switching from a topic (WRITE) to a group moves it
 * to the group's first operation, as the select then shows, instead of keeping a value no option holds.
 */
export function useSupportedOperation<
  T extends FieldValues & { resourceType: AclResourceType; operation: string },
>(form: UseFormReturn<T, unknown, unknown>, allowAll: boolean): AclResourceType {
  const resourceType = form.watch('resourceType' as Path<T>) as AclResourceType;
  const operation = form.watch('operation' as Path<T>) as string;
  useEffect(() => {
    const supported: readonly string[] = SUPPORTED_ACL_OPERATIONS[resourceType];
    if (!supported.includes(operation) && !(allowAll && operation === 'ALL'))
      form.setValue('operation' as Path<T>, supported[0] as PathValue<T, Path<T>>);
  }, [form, resourceType, operation, allowAll]);
  return resourceType;
}
