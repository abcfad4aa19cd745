import 'reflect-metadata';
import { describeFailure, startServer } from './server';

// Nothing is left to chance on an unexpected failure: one readable line of why, then the exit Node would take.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`Unhandled promise rejection: ${describeFailure(reason)}\n`);
  process.exit(1);
});

startServer().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${describeFailure(error)}\n`);
  process.exit(1);
});
