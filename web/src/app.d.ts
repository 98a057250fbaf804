// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface PageState {
      /** Cursors of the pages before the current one, for "Page précédente" on cursor-paginated lists. */
      previousCursors?: string[];
      /** A success message to show on the page reached after an action (e.g. "Le dossier a été ouvert."). */
      flash?: string;
    }
  }
}

export {};
