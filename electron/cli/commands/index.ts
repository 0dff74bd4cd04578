import type { Command } from '../command.js';
import { libraryCommands } from './library.js';
import { compareCommands } from './compare.js';
import { highlightCommands } from './highlights.js';
import { studyCommands } from './study.js';

export const COMMANDS: Command[] = [...libraryCommands, ...compareCommands, ...highlightCommands, ...studyCommands];
