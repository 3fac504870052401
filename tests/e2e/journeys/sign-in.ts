/** Journey: sign-in (being written). */
