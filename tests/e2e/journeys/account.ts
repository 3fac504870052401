/** Journey: account (being written). */
