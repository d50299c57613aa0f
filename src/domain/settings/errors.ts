import { FlipdeckError } from '../errors';

/** Why one settings field was refused. */
export type SettingsErrorCode =
  | 'settings/not-a-number'
  | 'settings/out-of-range'
  | 'settings/not-an-integer'
  | 'settings/bad-step'
  | 'settings/steps-not-increasing'
  | 'settings/too-many-steps'
  | 'settings/bad-weights';

/** A settings value the user typed that cannot be used; `field` names the input it came from. */
export class SettingsError extends FlipdeckError<SettingsErrorCode> {
  constructor(
    code: SettingsErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(code, message);
  }
}
