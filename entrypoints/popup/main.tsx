import { render } from 'preact';
import '@/components/shared/base.css';
import { Popup } from '@/components/Popup';

render(<Popup />, document.getElementById('app')!);
