export * from './keys';
export { Experiment } from './experiments';
