# sources of the render area are added here
