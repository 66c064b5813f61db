"""flowlang: chatbot conversation flows as text, compiled and checked, run by an embeddable interpreter."""
