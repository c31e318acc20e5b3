/** What customers write to a shop on WhatsApp: short, several languages, a few long ones. */
export const customerPhrases = [
  "Hi",
  "Hello, is this still available?",
  "Bonjour, ma commande n'est pas arrivée",
  "Thanks!",
  "ok",
  "When do you open tomorrow?",
  "¿Tienen envío a Monterrey?",
  "Can I change the size to M?",
  "👍",
  "Olá, qual o prazo de entrega para São Paulo?",
  "I paid yesterday but the order still says pending, can you check? Order #48213",
  "Guten Tag, ist der Artikel noch auf Lager?",
  "مرحبا، هل يمكنني الدفع عند الاستلام؟",
  "こんにちは、在庫はありますか？",
  "Perfect, see you at 5",
  "Do you have it in black?",
  "The parcel arrived damaged, the box was open and one of the two bottles is broken. What can I do?",
  "नमस्ते, क्या आप कैश ऑन डिलीवरी लेते हैं?",
  "How much is shipping?",
  "yes please",
  "Merci beaucoup 🙏",
  "Is there a discount for two?",
  "Can you send me the invoice for my company, VAT number included?",
  "Where is my order?",
] as const;

/** What agents answer. */
export const agentPhrases = [
  "Hello! How can I help you today?",
  "Your order left our warehouse this morning, here is the tracking link: https://track.example/8F3K2",
  "Yes, we ship there in 2 to 3 working days.",
  "Bonjour, je regarde tout de suite.",
  "We open at 9:00 tomorrow.",
  "Sorry about that! I have sent a replacement, no need to return the damaged one.",
  "Sí, el envío es gratis a partir de 50 €.",
  "It is available in black, M and L.",
  "Thank you for your order 😊",
  "Could you send me a photo of the label?",
  "Done, the size is now M.",
  "The invoice is attached to your account under Orders.",
] as const;

/** Internal notes between agents. */
export const notePhrases = [
  "Refund approved by finance",
  "VIP customer, be nice",
  "@Lina can you check the stock in the back?",
  "Waiting for the carrier's answer",
] as const;
