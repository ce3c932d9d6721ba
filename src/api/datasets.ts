// Cluster data sets (cached intermediate results of batch jobs) and their deletion.

import { mutationOptions, queryOptions, useMutation } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { runAsyncOperation, type AsyncOperationOutcome, type PollOptions } from './operations';
import { usePolledQuery } from './polling';
import { AsyncOperationStatusSchema, bool, str, TriggerResponseSchema, type AsyncOperationStatus } from './schemas';

export const DataSetsSchema = v.looseObject({
  dataSets: v.array(v.looseObject({ id: str, isComplete: bool })),
});
export type DataSets = v.InferOutput<typeof DataSetsSchema>;

export function fetchDataSets(signal?: AbortSignal): Promise<DataSets> {
  return requestJson(endpoints.dataSets, DataSetsSchema, { signal });
}

export function dataSetsQueryOptions() {
  return queryOptions({ queryKey: flinkKeys.datasetsList(), queryFn: ({ signal }) => fetchDataSets(signal) });
}

export function useDataSets() {
  return usePolledQuery(dataSetsQueryOptions());
}

/** DELETE /datasets/:datasetid; returns the trigger id. */
export async function triggerDataSetDeletion(dataSetId: string, signal?: AbortSignal): Promise<string> {
  const answer = await requestJson(endpoints.deleteDataSet, TriggerResponseSchema, { params: { datasetid: dataSetId }, signal });
  return answer['request-id'];
}

export function fetchDataSetDeletionStatus(triggerId: string, signal?: AbortSignal): Promise<AsyncOperationStatus> {
  return requestJson(endpoints.dataSetDeleteStatus, AsyncOperationStatusSchema, { params: { triggerid: triggerId }, signal });
}

/** Deletes a data set and waits until it is gone. */
export function deleteDataSet(dataSetId: string, poll: PollOptions = {}): Promise<AsyncOperationOutcome<null>> {
  return runAsyncOperation({
    name: 'data set deletion',
    trigger: (signal) => triggerDataSetDeletion(dataSetId, signal),
    status: (id, signal) => fetchDataSetDeletionStatus(id, signal),
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

export function useDeleteDataSet() {
  return useMutation(deleteDataSetMutationOptions());
}
