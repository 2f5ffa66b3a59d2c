# sources of the rules area are added here
