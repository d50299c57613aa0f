/** Types for @mixmark-io/domino (its own declare the module under the name "domino"). */
declare module '@mixmark-io/domino' {
  const domino: {
    /** A standalone HTML document parsed from `html`; it loads nothing and runs no script. */
    createDocument(html?: string, force?: boolean): Document;
  };
  export default domino;
}
