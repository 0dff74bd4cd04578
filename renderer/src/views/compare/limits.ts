// How many sources Compare puts side by side. Five: the bundled corpus's whole set fits at
// 1,400 px; narrower windows scroll the columns sideways (and under ~800 px show one at a time).
export const MAX_COMPARE_COLUMNS = 5;
