export * from './auth';
export * from './organizations';
export * from './governance';
export * from './transparency';
export * from './notify';
export * from './rate-limits';
export * from './organization-logos';
export * from './member-votes';
