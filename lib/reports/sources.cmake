# sources of the reports area are added here
