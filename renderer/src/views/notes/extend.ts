// Start-up hook of the notes feature: imported once by renderer/src/extensions.ts before the
// first render. The Notes view's styles load with it so the view paints styled at once.
import './notes.css';
