namespace maplan::lists {}
