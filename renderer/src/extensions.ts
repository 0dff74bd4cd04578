// Each feature's start-up file, imported once before the first render (see views/README.md).
import './features/highlights/index';
import './views/compare/extend';
import './views/notes/extend';
import './views/study/extend';
