// Stands in for the `server-only` marker outside the React server environment.
export {};
