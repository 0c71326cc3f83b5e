export * from './auth';
export * from './organizations';
