/**
 * Phrases for Amazon's built-in intents. On a device Alexa knows these without samples; the simulator
 * needs them spelled out. The model's own samples for built-ins are added on top.
 */
export const BUILT_IN_PHRASES: Record<string, string[]> = {
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'yes please', 'sure', 'go ahead', 'please do', 'of course', 'why not', 'i would like that', 'alright', 'okay', 'ok', 'yeah go on'],
  'AMAZON.NoIntent': ['no', 'nope', 'nah', 'no thanks', 'no thank you', 'not now', 'not really', 'i do not want to', 'no i am fine', 'no i am alright', 'i am fine thanks', 'no that is fine', 'not at the moment', 'not at the moment thanks'],
  'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what do i do', 'how does this work', 'i am confused', 'what can you do', 'i do not understand', 'how do i use this', 'how do i use this skill', 'i need help', 'i need some help', 'what do i say'],
  'AMAZON.StopIntent': ['stop', 'quit', 'exit', 'goodbye', 'bye', 'that is all', 'be quiet', 'shut up', 'enough', 'i am done', 'you can stop now', 'stop now'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it', 'cancel that'],
  'AMAZON.RepeatIntent': ['repeat', 'repeat that', 'again', 'say it again', 'come again', 'sorry what', 'pardon me'],
  'AMAZON.NextIntent': ['next', 'continue', 'skip', 'next one', 'and then', 'move on'],
  'AMAZON.PreviousIntent': ['previous', 'back', 'go back one', 'the last one again', 'previous one'],
  'AMAZON.StartOverIntent': ['start over', 'start again', 'restart', 'from the beginning', 'main menu', 'begin again', 'back to the beginning', 'back to the start', 'go back to the start'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home'],
};
