import type { Command } from '../command.js';

// Commands of this feature (filled in by it).
export const compareCommands: Command[] = [];
