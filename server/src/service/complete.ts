export * from './completion'; // completion moved to ./completion/; this keeps service/index.ts's import working until it points there
