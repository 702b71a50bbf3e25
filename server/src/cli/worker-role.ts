/** `workerData.role` of a validation worker, also its first argument: the bundle's entry point branches on it. */
export const WORKER_ROLE = 'steward-validate-worker';
