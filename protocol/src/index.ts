export * from './requests';
export * from './commands';
