/** The authoring feature's screens, one lazy chunk (src/app/routes.tsx). */
export { DeckEditorScreen } from './DeckEditorScreen';
export { NewDeckScreen } from './NewDeckScreen';
export { EditCardDialog } from './EditCardDialog';
