import type { Command, FileCommand } from '../command.js';
import { libraryCommands } from './library.js';
import { compareCommands } from './compare.js';
import { highlightCommands } from './highlights.js';
import { maintenanceCommands } from './maintenance.js';
import { studyCommands } from './study.js';

export const COMMANDS: Array<Command | FileCommand> = [...libraryCommands, ...compareCommands, ...highlightCommands, ...studyCommands, ...maintenanceCommands];
