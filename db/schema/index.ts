export * from './enums';
export * from './auth';
export * from './therapists';
export * from './taxonomy';
export * from './reviews';
export * from './search';
export * from './rate-limits';
export * from './jobs';
