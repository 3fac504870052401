/** Journey: passkeys (being written). */
