export * from './app';
export * from './catalog';
export * from './common';
export * from './errors';
export * from './events';
export * from './methods';
export * from './products';
export * from './wire';
