// Cluster data sets (cached intermediate results of batch jobs) and their deletion.

import { mutationOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { jsonQuery, requestOnce } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { runAsyncOperation, type AsyncOperationOutcome, type PollOptions } from './operations';
import { AsyncOperationStatusSchema, bool, str, TriggerResponseSchema } from './schemas';
import type { ClusterTarget } from './settings';

export const DataSetsSchema = v.looseObject({
  dataSets: v.array(v.looseObject({ id: str, isComplete: bool })),
});
export type DataSets = v.InferOutput<typeof DataSetsSchema>;

export function dataSetsQueryOptions() {
  return jsonQuery(flinkKeys.datasetsList(), endpoints.dataSets, DataSetsSchema, {});
}

/** DELETE /datasets/:datasetid; returns the trigger id. */
export async function triggerDataSetDeletion(dataSetId: string, signal?: AbortSignal): Promise<string> {
  const answer = await requestJson(endpoints.deleteDataSet, TriggerResponseSchema, {
    params: { datasetid: dataSetId },
    signal,
  });
  return answer['request-id'];
}

export function dataSetDeletionStatusQueryOptions(triggerId: string, cluster?: ClusterTarget) {
  return jsonQuery(
    flinkKeys.datasetDeletionStatus(triggerId),
    endpoints.dataSetDeleteStatus,
    AsyncOperationStatusSchema,
    {
      params: { triggerid: triggerId },
      target: cluster,
    },
  );
}

/** Deletes a data set and waits until it is gone. */
export function deleteDataSet(dataSetId: string, poll: PollOptions = {}): Promise<AsyncOperationOutcome<null>> {
  return runAsyncOperation({
    name: 'data set deletion',
    trigger: (signal) => triggerDataSetDeletion(dataSetId, signal),
    status: (id, signal, cluster) => requestOnce(dataSetDeletionStatusQueryOptions(id, cluster), signal),
    result: () => null,
    ...poll,
  });
}

export function deleteDataSetMutationOptions() {
  return mutationOptions({
    mutationKey: [...flinkKeys.datasets(), 'delete'],
    mutationFn: (dataSetId: string) => deleteDataSet(dataSetId),
    onSettled: (_d, _e, _v, _c, { client }) => client.invalidateQueries({ queryKey: flinkKeys.datasets() }),
  });
}
